"use client";

import { useTranslations } from "next-intl";
import type { CustomerSelection } from "./use-customer-selection";

const BOX = "h-4 w-4 cursor-pointer accent-brand-600";

/** The header cell's checkbox: every customer on this page, or none. */
export function SelectPageCheckbox({ selection }: { selection: CustomerSelection }) {
  const t = useTranslations("customers.table");
  return (
    <input
      type="checkbox"
      className={BOX}
      aria-label={t("selectPage")}
      checked={selection.wholePage}
      ref={(box) => {
        if (box) box.indeterminate = selection.chosen.length > 0 && !selection.wholePage;
      }}
      onChange={(event) => selection.togglePage(event.target.checked)}
    />
  );
}

export function SelectRowCheckbox({ selection, id, name }: { selection: CustomerSelection; id: number; name: string }) {
  const t = useTranslations("customers.table");
  return (
    <input
      type="checkbox"
      className={BOX}
      aria-label={t("selectRow", { name })}
      checked={selection.isSelected(id)}
      onChange={(event) => selection.toggle(id, event.target.checked)}
    />
  );
}
