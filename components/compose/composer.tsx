"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";
import { ComposerForm } from "./composer-form";
import type { ComposerProps } from "./composer-types";

/** The composer with its own query client: submission runs as a react-query mutation. */
export function Composer(props: ComposerProps) {
  const [client] = useState(
    () => new QueryClient({ defaultOptions: { mutations: { retry: false } } }),
  );
  return (
    <QueryClientProvider client={client}>
      <ComposerForm {...props} />
    </QueryClientProvider>
  );
}
