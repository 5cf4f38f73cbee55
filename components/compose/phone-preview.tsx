"use client";

import { Bookmark, Heart, MessageCircle, Music2, Share2 } from "lucide-react";
import { useState } from "react";
import type { MediaCardData } from "@/components/media/types";
import { foldCaption, tokenizeCaption } from "@/lib/tiktok";
import { PhonePreviewCarousel } from "./phone-preview-carousel";

export type PhonePreviewProps = {
  profile: { name: string; avatarUrl: string | null } | null;
  format: "video" | "image" | null;
  media: MediaCardData[];
  coverIndex: number | null;
  caption: string;
  /** What TikTok labels the post with, e.g. "Paid partnership" (from labelDisclosure). */
  labels: string[];
};

function Avatar({ profile }: { profile: PhonePreviewProps["profile"] }) {
  if (profile?.avatarUrl)
    return (
      // eslint-disable-next-line @next/next/no-img-element -- Postproxy's avatar host, allowed by the CSP
      <img
        src={profile.avatarUrl}
        alt=""
        className="size-10 rounded-full border-2 border-white object-cover"
      />
    );
  return (
    <span className="flex size-10 items-center justify-center rounded-full border-2 border-white bg-gray-600 text-sm font-semibold text-white">
      {(profile?.name ?? "?").slice(0, 1).toUpperCase()}
    </span>
  );
}

function CaptionText({ text }: { text: string }) {
  return tokenizeCaption(text).map((t, i) =>
    t.kind === "text" ? <span key={i}>{t.text}</span> : <strong key={i}>{t.text}</strong>,
  );
}

function Caption({ caption }: { caption: string }) {
  const [isOpen, setIsOpen] = useState(false);
  const folded = foldCaption(caption);
  if (!caption.trim()) return null;
  const toggle = (
    <button
      type="button"
      onClick={() => setIsOpen(!isOpen)}
      aria-expanded={isOpen}
      className="font-semibold text-white/90 underline-offset-2 hover:underline"
    >
      {isOpen ? "less" : "more"}
    </button>
  );
  return (
    <p className="max-h-48 overflow-y-auto text-[13px] leading-snug break-words whitespace-pre-wrap">
      <CaptionText text={isOpen || !folded.isFolded ? caption : folded.text} />
      {folded.isFolded ? (
        <>
          {isOpen ? " " : "… "}
          {toggle}
        </>
      ) : null}
    </p>
  );
}

function Stage({
  format,
  media,
  coverIndex,
}: Omit<PhonePreviewProps, "profile" | "caption" | "labels">) {
  const video = format === "video" ? media.find((m) => m.kind === "video") : undefined;
  const photos = format === "image" ? media.filter((m) => m.kind === "image") : [];
  if (video)
    return (
      <video
        key={video.id}
        src={`/api/media/${video.id}`}
        poster={video.hasThumbnail ? `/api/media/${video.id}/thumbnail` : undefined}
        muted
        loop
        autoPlay
        playsInline
        aria-label={`Video: ${video.name}`}
        className="absolute inset-0 size-full object-contain"
      />
    );
  if (photos.length)
    return (
      <PhonePreviewCarousel
        key={`${coverIndex}:${photos.map((p) => p.id).join(",")}`}
        photos={photos}
        coverIndex={coverIndex}
      />
    );
  return (
    <p className="absolute inset-0 flex items-center justify-center p-8 text-center text-sm text-white/70">
      Add a video or photos to see the post as TikTok shows it.
    </p>
  );
}

/** The post in a 9:16 phone frame as TikTok's feed shows it, updated as the form changes. */
export function PhonePreview(props: PhonePreviewProps) {
  const name = props.profile?.name ?? "your_profile";
  return (
    <figure aria-label="Preview on TikTok" className="mx-auto w-full max-w-[300px]">
      <div className="relative aspect-[9/16] overflow-hidden rounded-[2rem] border-[10px] border-gray-900 bg-black text-white shadow-lg">
        <Stage format={props.format} media={props.media} coverIndex={props.coverIndex} />
        <div className="pointer-events-none absolute inset-x-0 bottom-0 h-1/2 bg-gradient-to-t from-black/70 to-transparent" />
        <div className="absolute right-2 bottom-24 flex flex-col items-center gap-4" aria-hidden>
          <Avatar profile={props.profile} />
          <Heart className="size-7" />
          <MessageCircle className="size-7" />
          <Bookmark className="size-7" />
          <Share2 className="size-7" />
        </div>
        <div className="absolute right-14 bottom-5 left-3 space-y-1.5">
          <p className="text-sm font-semibold">@{name}</p>
          {props.labels.map((label) => (
            <p key={label} className="inline-block rounded bg-white/20 px-1.5 py-0.5 text-[11px]">
              {label}
            </p>
          ))}
          <Caption caption={props.caption} />
          <p className="flex items-center gap-1 text-xs text-white/90" aria-hidden>
            <Music2 className="size-3.5" />{" "}
            {props.format === "image" ? "Photo post" : "Original sound"} · {name}
          </p>
        </div>
      </div>
    </figure>
  );
}
