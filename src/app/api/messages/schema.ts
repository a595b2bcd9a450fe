export { messageFormSchema, noticeOfInvalid } from "@/lib/messages/message-form";
