// A claim's value on the figure board: its point (the lower bound when there is one) and whether it is
// precise enough to set a group's range ("at least 58", "some 80"; not "dozens").
export interface FigureValue {
  min: number | null;
  max: number | null;
  approx: boolean;
}

export const point = (v: FigureValue) => v.min ?? v.max ?? 0;
export const isPrecise = (v: FigureValue) => v.min != null && v.min > 0 && (!v.approx || v.max == null || v.max / v.min <= 1.25);
