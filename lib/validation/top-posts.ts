/** A post published in the range with its latest snapshot, as the table and the CSV show it. */
export type TopPost = {
  targetId: string;
  postId: string;
  caption: string;
  profileName: string;
  publishedAt: string;
  mediaId: string | null;
  format: "video" | "image" | null;
  mediaCount: number;
  impressions: number | null;
  likes: number | null;
  comments: number | null;
  shares: number | null;
};

// A list, not postMetricLabels: the sort order is the table's, with engagement and published too.
export const topPostSorts = [
  { key: "impressions", label: "Impressions" },
  { key: "likes", label: "Likes" },
  { key: "comments", label: "Comments" },
  { key: "shares", label: "Shares" },
  { key: "engagement", label: "Engagement rate" },
  { key: "published", label: "Published" },
] as const;
export type TopPostSort = (typeof topPostSorts)[number]["key"];

/** Rows per page of the table (`?top=N` in the URL); the CSV holds the whole ranking. */
export const topPostsPageSize = 20;
