import { buttonVariants } from "@/components/ui/button";

/** A download of the table's CSV (the route answers with a file, so a plain link does it). */
export function ExportCsvLink({ href }: { href: string }) {
  return (
    <a href={href} className={buttonVariants({ variant: "secondary", size: "sm" })} download>
      Export CSV
    </a>
  );
}
