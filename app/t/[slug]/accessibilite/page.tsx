import { PublicPageView, publicPageMetadata } from "@/components/ui/public-page";

export const dynamic = "force-dynamic";
export function generateMetadata() {
  return publicPageMetadata("accessibilite");
}

export default async function Page({ params }: { params: Promise<{ slug: string }> }) {
  return <PublicPageView page="accessibilite" slug={(await params).slug} />;
}
