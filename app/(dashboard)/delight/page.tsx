import { ComingSoon } from "@/components/layout/coming-soon";
import { requirePageMember } from "@/lib/auth/session";

export const metadata = { title: "Delight" };

export default async function Page() {
  await requirePageMember();
  return (
    <ComingSoon
      title="Delight"
      description="Answer debits with gestures nobody expected."
      plan="The delight queue and the log of delight moments land here next."
    />
  );
}
