"use client";

import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  TouchSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
} from "@dnd-kit/core";
import {
  rectSortingStrategy,
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
} from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { GripVertical } from "lucide-react";
import { useId } from "react";
import type { MediaCardData } from "@/components/media/types";
import { MediaFieldCard } from "./media-field-card";
import { reorderAnnouncement } from "./media-field-helpers";

type Props = {
  items: MediaCardData[];
  isPhoto: boolean;
  coverIndex: number | null;
  errors?: Record<number, string>;
  disabled?: boolean;
  onMove(from: number, to: number): void;
  onRemove(index: number): void;
  onCover(index: number): void;
};

function SortableCard({
  props,
  index,
  coverGroup,
}: {
  props: Props;
  index: number;
  coverGroup: string;
}) {
  const media = props.items[index];
  const canDrag = props.isPhoto && props.items.length > 1 && !props.disabled;
  const {
    setNodeRef,
    setActivatorNodeRef,
    attributes,
    listeners,
    transform,
    transition,
    isDragging,
  } = useSortable({ id: media.id, disabled: !canDrag });
  const style = { transform: CSS.Translate.toString(transform), transition };
  const handle = canDrag ? (
    <button
      type="button"
      ref={setActivatorNodeRef}
      {...attributes}
      {...listeners}
      aria-label={`Drag ${media.name} to reorder`}
      aria-roledescription="sortable photo"
      className="mt-0.5 -ml-1 inline-flex size-6 shrink-0 cursor-grab touch-none items-center justify-center rounded text-gray-500 hover:bg-gray-100 focus-visible:outline-2 focus-visible:outline-accent-700"
    >
      <GripVertical className="size-4" aria-hidden />
    </button>
  ) : null;
  return (
    <li
      ref={setNodeRef}
      style={style}
      aria-label={media.name}
      className={isDragging ? "relative z-10 opacity-80 shadow-lg" : undefined}
    >
      <MediaFieldCard
        media={media}
        index={index}
        count={props.items.length}
        isPhoto={props.isPhoto}
        isCover={props.isPhoto && props.coverIndex === index}
        coverGroup={coverGroup}
        error={props.errors?.[index]}
        disabled={props.disabled}
        handle={handle}
        onCover={() => props.onCover(index)}
        onRemove={() => props.onRemove(index)}
        onMove={(to) => props.onMove(index, to)}
      />
    </li>
  );
}

/** The post's files; photos reorder by drag and drop, by keyboard (Space, arrows) or buttons. */
export function SortableMediaList(props: Props) {
  const coverGroup = useId();
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 150, tolerance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const ids = props.items.map((m) => m.id);
  const describe = (id: string | number, overId?: string | number | null) => {
    const name = props.items.find((m) => m.id === id)?.name ?? "The photo";
    const at = ids.indexOf(String(overId ?? id));
    return { name, at: at < 0 ? ids.indexOf(String(id)) : at };
  };
  const count = ids.length;
  const announcements: Announcements = {
    onDragStart: ({ active }) => {
      const { name, at } = describe(active.id);
      return reorderAnnouncement("start", name, at, count);
    },
    onDragOver: ({ active, over }) => {
      const { name, at } = describe(active.id, over?.id);
      return reorderAnnouncement("over", name, at, count);
    },
    onDragEnd: ({ active, over }) => {
      const { name, at } = describe(active.id, over?.id);
      return reorderAnnouncement("end", name, at, count);
    },
    onDragCancel: ({ active }) => {
      const { name, at } = describe(active.id);
      return reorderAnnouncement("cancel", name, at, count);
    },
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const from = ids.indexOf(String(active.id));
    const to = ids.indexOf(String(over.id));
    if (from >= 0 && to >= 0) props.onMove(from, to);
  };
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={onDragEnd}
      accessibility={{
        announcements,
        screenReaderInstructions: {
          draggable:
            "To reorder a photo, press Space to pick it up, the arrow keys to move it, and Space again to drop it. Escape cancels.",
        },
      }}
    >
      <SortableContext items={ids} strategy={rectSortingStrategy}>
        <ul
          aria-label={props.isPhoto ? "Photos in post order" : "Media of the post"}
          className="grid grid-cols-2 gap-3 sm:grid-cols-3 xl:grid-cols-4"
        >
          {props.items.map((m, index) => (
            <SortableCard key={m.id} props={props} index={index} coverGroup={coverGroup} />
          ))}
        </ul>
      </SortableContext>
    </DndContext>
  );
}
