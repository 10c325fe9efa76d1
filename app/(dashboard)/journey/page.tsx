import { ComingSoon } from "@/components/layout/coming-soon";
import { requirePageMember } from "@/lib/auth/session";

export const metadata = { title: "Journey" };

export default async function Page() {
  await requirePageMember();
  return (
    <ComingSoon
      title="Journey"
      description="Where the book stands on the Marketing Hourglass, the Customer Value Journey and SCALE."
      plan="Stage distributions as an hourglass and a funnel, conversion, time in stage and history land here next."
    />
  );
}
