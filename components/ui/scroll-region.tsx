import type { ReactNode } from "react";

/**
 * A box that scrolls sideways when its table is wider than the screen. It takes keyboard focus so
 * the hidden columns can be reached without a mouse, and names itself for screen readers.
 */
export function ScrollRegion({
  label,
  className = "",
  children,
}: {
  label: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div
      role="region"
      aria-label={label}
      tabIndex={0}
      className={`relative overflow-x-auto focus-visible:outline-2 focus-visible:outline-brand-600 ${className}`}
    >
      {children}
    </div>
  );
}
