export function Logo() {
  return (
    <span className="flex items-center gap-2 text-lg font-semibold tracking-tight text-gray-900">
      <svg viewBox="0 0 64 64" className="size-7" aria-hidden>
        <rect width="64" height="64" rx="14" fill="#111827" />
        <rect x="14" y="11" width="34" height="42" rx="7" fill="#25f4ee" />
        <rect x="20" y="15" width="34" height="42" rx="7" fill="#fe2c55" />
        <rect x="17" y="13" width="34" height="42" rx="7" fill="#ffffff" />
        <path
          d="M27 22h8.5a8 8 0 0 1 0 16H32v8h-5z M32 27v6h3.5a3 3 0 0 0 0-6z"
          fill="#111827"
          fillRule="evenodd"
        />
      </svg>
      Postdeck
    </span>
  );
}
