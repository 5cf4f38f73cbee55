import { CheckCircle2, Circle } from "lucide-react";
import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { cn } from "@/lib/utils";
import type { ChecklistItem } from "./checklist";

export function GettingStarted({ items }: { items: ChecklistItem[] }) {
  const done = items.filter((i) => i.isDone).length;
  const isComplete = done === items.length;
  // One primary action at a time: the next step to take.
  const nextId = items.find((i) => !i.isDone && i.action)?.id;
  return (
    <Card>
      <CardHeader
        title={isComplete ? "You're set up" : "Get started"}
        description={
          isComplete
            ? "Every setup step is done. Posts coming up and any that fail are listed on this page."
            : `${done} of ${items.length} steps done. Each step links straight to the field that completes it.`
        }
      />
      <div
        className="mx-6 mt-4 h-2 overflow-hidden rounded-full bg-gray-100"
        role="progressbar"
        aria-label="Setup progress"
        aria-valuemin={0}
        aria-valuemax={items.length}
        aria-valuenow={done}
      >
        <div
          className="h-full rounded-full bg-accent-600"
          style={{ width: `${(done / items.length) * 100}%` }}
        />
      </div>
      <CardBody>
        <ol className="divide-y divide-gray-100">
          {items.map((item) => (
            <li
              key={item.id}
              className="flex flex-col gap-3 py-4 first:pt-0 last:pb-0 sm:flex-row sm:items-start"
            >
              <div className="flex min-w-0 flex-1 gap-3">
                {item.isDone ? (
                  <CheckCircle2 className="mt-0.5 size-5 shrink-0 text-accent-700" aria-hidden />
                ) : (
                  <Circle className="mt-0.5 size-5 shrink-0 text-gray-400" aria-hidden />
                )}
                <div className="min-w-0">
                  <h3 className={cn("text-sm font-medium text-gray-900")}>
                    {item.title}
                    <span className="sr-only">{item.isDone ? " (done)" : " (not done)"}</span>
                  </h3>
                  <p className="mt-1 text-sm text-gray-600">{item.description}</p>
                  {item.note ? <p className="mt-1 text-xs text-gray-600">{item.note}</p> : null}
                </div>
              </div>
              {item.action ? (
                <Link
                  href={item.action.href}
                  className={buttonVariants({
                    variant: item.id === nextId ? "primary" : "secondary",
                    size: "sm",
                    className: "self-start sm:ml-4",
                  })}
                >
                  {item.action.label}
                </Link>
              ) : null}
            </li>
          ))}
        </ol>
      </CardBody>
    </Card>
  );
}
