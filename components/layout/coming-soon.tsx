import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export function ComingSoon({ title, description, plan }: { title: string; description: string; plan: string }) {
  return (
    <>
      <PageHeader title={title} description={description} />
      <EmptyState title="Coming soon">
        <p>{plan}</p>
      </EmptyState>
    </>
  );
}
