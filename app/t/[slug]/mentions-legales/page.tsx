import { PublicPageView, publicPageMetadata } from "@/components/ui/public-page";

export const dynamic = "force-dynamic";
export function generateMetadata() {
  return publicPageMetadata("mentions-legales");
}

export default async function Page({ params }: { params: Promise<{ slug: string }> }) {
  return <PublicPageView page="mentions-legales" slug={(await params).slug} />;
}
