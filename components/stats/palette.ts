/** Okabe–Ito colours (readable with the common colour-vision deficiencies), with dash patterns. */
export const seriesStyles = [
  { color: "#0072B2", dash: undefined, label: "solid line" },
  { color: "#D55E00", dash: "6 3", label: "dashed line" },
  { color: "#009E73", dash: "2 3", label: "dotted line" },
  { color: "#CC79A7", dash: "10 3 2 3", label: "dash-dot line" },
  { color: "#E69F00", dash: "12 4", label: "long-dashed line" },
  { color: "#56B4E9", dash: "4 2 4 6", label: "broken line" },
] as const;

export const styleFor = (i: number) => seriesStyles[i % seriesStyles.length];

export const numberFormat = new Intl.NumberFormat("en-US");
