/** What the row menu's button and the menu loaded behind it share. */
export type PostRowMenuProps = {
  postId: string;
  name: string;
  isDraft: boolean;
  workspaceId: string;
  onDeleted: () => void;
};

export const postRowMenuTriggerClass =
  "flex size-9 items-center justify-center rounded-md text-gray-600 hover:bg-gray-100 focus-visible:outline-2 focus-visible:outline-accent-700 disabled:opacity-60";

export const postRowMenuLabel = (isDraft: boolean, name: string) =>
  `Actions for ${isDraft ? "draft" : "post"} ${name}`;
