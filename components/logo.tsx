export function Logo() {
  return (
    <span className="flex items-center gap-2 text-lg font-semibold tracking-tight text-gray-900">
      <span
        className="flex size-7 items-center justify-center rounded-md bg-brand-500 text-sm font-bold text-white"
        aria-hidden
      >
        P
      </span>
      Postdeck
    </span>
  );
}
