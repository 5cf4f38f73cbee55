"use client";

import { ComposerForm } from "./composer-form";
import type { ComposerProps } from "./composer-types";

/** The composer; submission runs as a react-query mutation on the dashboard's query client. */
export function Composer(props: ComposerProps) {
  return <ComposerForm {...props} />;
}
