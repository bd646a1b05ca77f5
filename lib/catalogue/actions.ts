"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { createMeasure } from "./create-measure";
import { createArea, updateArea } from "./save-area";
import { createProgramme, updateProgramme } from "./save-programme";
import {
  createAreaInputSchema,
  createMeasureInputSchema,
  createProgrammeInputSchema,
  resumeMeasureInputSchema,
  suspendMeasureInputSchema,
  updateAreaInputSchema,
  updateMeasureInputSchema,
  updateProgrammeInputSchema,
} from "./schemas";
import { resumeMeasure, suspendMeasure } from "./suspend-measure";
import { updateMeasure } from "./update-measure";

// The catalogue shows on every page's lists: refresh them all after a change.
const refresh = () => revalidatePath("/", "layout");

export const createMeasureAction = defineAction({
  name: "measure.create",
  permission: "catalogue.manage",
  input: createMeasureInputSchema,
  handler: async ({ user, input }) => {
    const measure = await createMeasure(db, user, input);
    refresh();
    return { messageKey: "measureCreated", data: { code: measure.code } };
  },
});

export const updateMeasureAction = defineAction({
  name: "measure.update",
  permission: "catalogue.manage",
  input: updateMeasureInputSchema,
  handler: async ({ user, input }) => {
    await updateMeasure(db, user, input);
    refresh();
    return { messageKey: "saved", data: { code: input.code } };
  },
});

export const suspendMeasureAction = defineAction({
  name: "measure.suspend",
  permission: "catalogue.manage",
  input: suspendMeasureInputSchema,
  handler: async ({ user, input }) => {
    await suspendMeasure(db, user, input);
    refresh();
    return { messageKey: "measureSuspended" };
  },
});

export const resumeMeasureAction = defineAction({
  name: "measure.resume",
  permission: "catalogue.manage",
  input: resumeMeasureInputSchema,
  handler: async ({ user, input }) => {
    await resumeMeasure(db, user, input);
    refresh();
    return { messageKey: "measureResumed" };
  },
});

export const createProgrammeAction = defineAction({
  name: "programme.create",
  permission: "catalogue.manage",
  input: createProgrammeInputSchema,
  handler: async ({ user, input }) => {
    await createProgramme(db, user, input);
    refresh();
    return { messageKey: "programmeCreated" };
  },
});

export const updateProgrammeAction = defineAction({
  name: "programme.update",
  permission: "catalogue.manage",
  input: updateProgrammeInputSchema,
  handler: async ({ user, input }) => {
    await updateProgramme(db, user, input);
    refresh();
    return { messageKey: "saved" };
  },
});

export const createAreaAction = defineAction({
  name: "area.create",
  permission: "catalogue.manage",
  input: createAreaInputSchema,
  handler: async ({ user, input }) => {
    await createArea(db, user, input);
    refresh();
    return { messageKey: "areaCreated" };
  },
});

export const updateAreaAction = defineAction({
  name: "area.update",
  permission: "catalogue.manage",
  input: updateAreaInputSchema,
  handler: async ({ user, input }) => {
    await updateArea(db, user, input);
    refresh();
    return { messageKey: "saved" };
  },
});
