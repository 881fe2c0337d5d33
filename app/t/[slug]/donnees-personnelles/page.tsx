import { PublicPageView, publicPageMetadata } from "@/components/ui/public-page";

export const dynamic = "force-dynamic";
export function generateMetadata() {
  return publicPageMetadata("donnees-personnelles");
}

export default async function Page({ params }: { params: Promise<{ slug: string }> }) {
  return <PublicPageView page="donnees-personnelles" slug={(await params).slug} />;
}
