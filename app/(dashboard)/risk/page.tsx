import { ComingSoon } from "@/components/layout/coming-soon";
import { requirePageMember } from "@/lib/auth/session";

export const metadata = { title: "Debt risk" };

export default async function Page() {
  await requirePageMember();
  return (
    <ComingSoon
      title="Debt risk"
      description="The morning triage: customers whose bad experiences outweigh the good ones."
      plan="The ranked, explained list of customers sliding into debt lands here next."
    />
  );
}
