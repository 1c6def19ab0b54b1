// Lists every regular expression written in src/: literals (/.../flags) and new RegExp('...') with a
// constant pattern, with file and line. Used by regex-safety.test.ts.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export interface FoundRegex {
  file: string;
  line: number;
  pattern: string;
  flags: string;
  /** The source line, to show in a report. */
  code: string;
}

function walk(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (/\.(ts|mts)$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

export function listRegexes(root: string, dirs: string[]): FoundRegex[] {
  const found: FoundRegex[] = [];
  for (const d of dirs) {
    for (const file of walk(join(root, d))) {
      const text = readFileSync(file, 'utf8');
      const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
      const lines = text.split('\n');
      const add = (node: ts.Node, pattern: string, flags: string) => {
        const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
        found.push({ file: relative(root, file), line, pattern, flags, code: lines[line - 1].trim() });
      };
      const visit = (node: ts.Node) => {
        if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
          const t = node.getText(sf);
          const end = t.lastIndexOf('/');
          add(node, t.slice(1, end), t.slice(end + 1));
        } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
          const [p, f] = node.arguments ?? [];
          if (p && (ts.isStringLiteral(p) || ts.isNoSubstitutionTemplateLiteral(p))) add(node, p.text, f && ts.isStringLiteral(f) ? f.text : '');
        }
        ts.forEachChild(node, visit);
      };
      visit(sf);
    }
  }
  return found;
}
