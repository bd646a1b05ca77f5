"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { addComment } from "./add-comment";
import { deleteComment } from "./delete-comment";
import { editComment } from "./edit-comment";
import { addCommentInputSchema, deleteCommentInputSchema, editCommentInputSchema } from "./schemas";

export const addCommentAction = defineAction({
  name: "comment.add",
  permission: "comment.write",
  input: addCommentInputSchema,
  handler: async ({ user, input }) => {
    await addComment(db, user, input);
    revalidatePath("/", "layout");
    return { messageKey: "commented" };
  },
});

export const editCommentAction = defineAction({
  name: "comment.edit",
  permission: "comment.write",
  input: editCommentInputSchema,
  handler: async ({ user, input }) => {
    await editComment(db, user, input, new Date());
    revalidatePath("/", "layout");
    return { messageKey: "saved" };
  },
});

export const deleteCommentAction = defineAction({
  name: "comment.delete",
  permission: "comment.write",
  input: deleteCommentInputSchema,
  handler: async ({ user, input }) => {
    await deleteComment(db, user, input, new Date());
    revalidatePath("/", "layout");
    return { messageKey: "deleted" };
  },
});
