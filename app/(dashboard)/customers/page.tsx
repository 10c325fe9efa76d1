import { ComingSoon } from "@/components/layout/coming-soon";
import { requirePageMember } from "@/lib/auth/session";

export const metadata = { title: "Customers" };

export default async function Page() {
  await requirePageMember();
  return (
    <ComingSoon
      title="Customers"
      description="Find a customer, see everything that happened, log what just happened."
      plan="Search, filters and the per-customer timeline land here next."
    />
  );
}
