import { ComingSoon } from "@/components/layout/coming-soon";
import { requirePageMember } from "@/lib/auth/session";

export const metadata = { title: "Advocates" };

export default async function Page() {
  await requirePageMember();
  return (
    <ComingSoon
      title="Advocates"
      description="Ambassadors, their community roles and what they do."
      plan="The roster, the leaderboard, referrals and candidates land here next."
    />
  );
}
