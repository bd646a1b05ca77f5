import { MessagePage } from "@/components/message-page";

export default function NotFound() {
  return <MessagePage namespace="notFound" />;
}
