"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { completeProfileConnectionAction } from "@/lib/actions/profiles";

/** Completes a Connect once, then shows the outcome on Profiles. */
export function ConnectReturn(props: {
  workspaceId: string;
  state: string;
  profileId?: string;
  error?: string;
}) {
  const router = useRouter();
  const started = useRef(false);
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    completeProfileConnectionAction({
      workspaceId: props.workspaceId,
      state: props.state,
      profileId: props.profileId || undefined,
      error: props.error || undefined,
    }).then((result) => {
      if (result.ok) router.replace(`/profiles?connect=${result.data.outcome}`);
      else if (result.code === "invalid_input") router.replace("/profiles?connect=invalid");
      else setMessage(result.message);
    });
  }, [props, router]);

  return message ? (
    <p role="alert" className="text-sm text-danger-800">
      {message}{" "}
      <a href="/profiles" className="font-medium underline">
        Back to Profiles
      </a>
    </p>
  ) : (
    <p role="status" className="text-sm text-gray-600">
      Checking the new connection with Postproxy…
    </p>
  );
}
