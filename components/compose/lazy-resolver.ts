import type { Resolver } from "react-hook-form";
import type { AuditStatus } from "@/lib/validation/enums";
import type { ComposePostFormValues } from "@/lib/validation/post";

/**
 * zodResolver(composePostSchema(...)), with zod and the schema fetched on the first validation
 * instead of in the page's first load (they are a third of the composer's JavaScript).
 */
export function lazyComposeResolver(auditStatus: AuditStatus): Resolver<ComposePostFormValues> {
  let resolver: Promise<Resolver<ComposePostFormValues>> | null = null;
  return async (values, context, options) => {
    resolver ??= Promise.all([import("@hookform/resolvers/zod"), import("@/lib/validation/post")])
      .then(
        ([{ zodResolver }, { composePostSchema }]) =>
          zodResolver(
            composePostSchema({ auditStatus }),
          ) as unknown as Resolver<ComposePostFormValues>,
      )
      .catch((error: unknown) => {
        resolver = null;
        throw error;
      });
    return (await resolver)(values, context, options);
  };
}
