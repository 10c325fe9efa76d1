import { Link } from "@/components/ui/link";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePageMember } from "@/server/auth/session";
import { ROLE_LABELS } from "@/lib/permissions";

export const metadata = { title: "Not available for your role" };

export default async function ForbiddenPage() {
  const member = await requirePageMember();
  return (
    <EmptyState title="Not available for your role">
      <p>
        You are signed in as {ROLE_LABELS[member.role].toLowerCase()}, which cannot open that page. An admin can change
        your role.{" "}
        <Link href="/" className="font-medium text-brand-700 underline">
          Back to the overview
        </Link>
      </p>
    </EmptyState>
  );
}
