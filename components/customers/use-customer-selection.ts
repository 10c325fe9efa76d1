"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

/**
 * Which customers of a list are selected for its bulk bar: rows ticked on this page, or every
 * customer matching the list's filters (`allMatching`, which ticks the whole page too).
 */
export function useCustomerSelection(pageIds: readonly number[]) {
  const words = useTranslations("customers.table");
  const [ticked, setTicked] = useState<ReadonlySet<number>>(new Set());
  const [allMatching, setAllMatching] = useState(false);
  const chosen = pageIds.filter((id) => ticked.has(id));
  return {
    /** The checkboxes' labels. */
    words,
    chosen,
    allMatching,
    pageCount: pageIds.length,
    wholePage: pageIds.length > 0 && chosen.length === pageIds.length,
    isSelected: (id: number) => ticked.has(id),
    toggle(id: number, on: boolean) {
      setAllMatching(false);
      setTicked((current) => {
        const next = new Set(current);
        if (on) next.add(id);
        else next.delete(id);
        return next;
      });
    },
    togglePage(on: boolean) {
      setAllMatching(false);
      setTicked(on ? new Set(pageIds) : new Set());
    },
    selectAllMatching() {
      setTicked(new Set(pageIds));
      setAllMatching(true);
    },
    clear() {
      setTicked(new Set());
      setAllMatching(false);
    },
  };
}

export type CustomerSelection = ReturnType<typeof useCustomerSelection>;
