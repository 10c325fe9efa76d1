"use client";

import NextLink from "next/link";
import { useRouter } from "next/navigation";
import type { ComponentProps } from "react";

/** Whether the enclosing link's navigation is still on its way (for a mark on the link itself). */
export { useLinkStatus } from "next/link";

/**
 * The app's link: Next's, prefetching its page when the pointer or focus reaches it rather than when
 * it is drawn. Every page here is rendered per request for the signed-in member, so prefetching each
 * visible link cost the server one full signed-in render per link (one page view asked for 5–10 of
 * them on two cores) and slowed the page actually asked for.
 */
export function Link({
  href,
  onMouseEnter,
  onFocus,
  onTouchStart,
  ...props
}: Omit<ComponentProps<typeof NextLink>, "prefetch">) {
  const router = useRouter();
  const prefetch = () => {
    if (typeof href === "string" && href.startsWith("/")) router.prefetch(href);
  };
  return (
    <NextLink
      {...props}
      href={href}
      prefetch={false}
      onMouseEnter={(event) => {
        prefetch();
        onMouseEnter?.(event);
      }}
      onFocus={(event) => {
        prefetch();
        onFocus?.(event);
      }}
      onTouchStart={(event) => {
        prefetch();
        onTouchStart?.(event);
      }}
    />
  );
}
