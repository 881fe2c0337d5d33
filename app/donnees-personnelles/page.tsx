import { PublicPageView, publicPageMetadata } from "@/components/ui/public-page";

export const dynamic = "force-dynamic";
export function generateMetadata() {
  return publicPageMetadata("donnees-personnelles");
}

export default function Page() {
  return <PublicPageView page="donnees-personnelles" slug={null} />;
}
