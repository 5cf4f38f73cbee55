"use client";

const posterWidth = 480;

/**
 * A poster frame from the browser's own decoder (H.264, VP8/VP9 in Chromium). Resolves null when
 * the browser cannot decode the video (HEVC from iPhones, say); the server then falls back.
 */
export function capturePoster(file: File, timeoutMs = 15_000): Promise<Blob | null> {
  return new Promise((resolve) => {
    const url = URL.createObjectURL(file);
    const video = document.createElement("video");
    let settled = false;
    const finish = (blob: Blob | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      video.removeAttribute("src");
      video.load();
      URL.revokeObjectURL(url);
      resolve(blob);
    };
    const timer = setTimeout(() => finish(null), timeoutMs);
    video.muted = true;
    video.playsInline = true;
    video.preload = "auto";
    video.addEventListener("error", () => finish(null));
    video.addEventListener("loadedmetadata", () => {
      video.currentTime = Math.min(1, (video.duration || 0) / 3);
    });
    video.addEventListener("seeked", () => {
      if (!video.videoWidth || !video.videoHeight) return finish(null);
      const scale = Math.min(1, posterWidth / video.videoWidth);
      const canvas = document.createElement("canvas");
      canvas.width = Math.round(video.videoWidth * scale);
      canvas.height = Math.round(video.videoHeight * scale);
      const context = canvas.getContext("2d");
      if (!context) return finish(null);
      context.drawImage(video, 0, 0, canvas.width, canvas.height);
      canvas.toBlob((blob) => finish(blob), "image/jpeg", 0.8);
    });
    video.src = url;
  });
}
