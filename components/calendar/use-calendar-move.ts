"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { CalendarQuery } from "@/lib/validation/calendar";
import type { MoveNotice, MoveRequest } from "./calendar-move";

/** The move's checks and its call (calendar-move.ts) load with drag support or on first use. */
export const loadMove = () => import("./calendar-move");

/** The board's moves: its notice, and a move that runs calendar-move.ts's runMove. */
export function useCalendarMove(workspaceId: string, query: CalendarQuery) {
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<MoveNotice>(null);
  const [isMoving, setIsMoving] = useState(false);

  const move = async (request: MoveRequest): Promise<boolean> => {
    let runMove: Awaited<ReturnType<typeof loadMove>>["runMove"];
    try {
      ({ runMove } = await loadMove());
    } catch {
      request.revert?.();
      setNotice({
        tone: "error",
        text: "Not moved: Postdeck could not load the move. Check your connection and try again.",
      });
      return false;
    }
    return runMove({ workspaceId, query, queryClient, setNotice, setIsMoving, move }, request);
  };
  return { move, notice, setNotice, isMoving };
}
