export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
  body { font: 15px/1.5 system-ui, sans-serif; max-width: 44rem; margin: 2rem auto; padding: 0 1rem; color: #1b1b1f; }
  code, pre { background: #f3f3f6; border-radius: 4px; padding: 0 .25rem; }
  pre { padding: .5rem; overflow-x: auto; }
  .card { border: 1px solid #ddd; border-radius: 10px; padding: 1.25rem; }
  button { font: inherit; padding: .5rem 1rem; border-radius: 6px; border: 1px solid #888; cursor: pointer; }
  button.primary { background: #111; color: #fff; border-color: #111; }
  label { display: block; margin: .5rem 0; }
  table { border-collapse: collapse; } td, th { text-align: left; padding: .2rem .6rem .2rem 0; }
</style>
</head>
<body>
${body}
</body>
</html>`;
}
