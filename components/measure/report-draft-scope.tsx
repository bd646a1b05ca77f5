"use client";

import { createContext, useContext, useMemo, useRef } from "react";

/** Saves the report form as a draft (as its save button does) and gives the draft's id, or null if the form was refused. */
export type SaveDraft = () => Promise<string | null>;

type Scope = { register: (save: SaveDraft | null) => void; saveDraft: SaveDraft };

const ReportDraftContext = createContext<Scope | null>(null);

/**
 * Joins a report form and its attachment uploader: files picked before the
 * report was ever saved first save the form as a draft, then go to that draft.
 */
export function ReportDraftScope({ children }: { children: React.ReactNode }) {
  const saver = useRef<SaveDraft | null>(null);
  const scope = useMemo<Scope>(
    () => ({
      register: (save) => {
        saver.current = save;
      },
      saveDraft: () => saver.current?.() ?? Promise.resolve(null),
    }),
    [],
  );
  return <ReportDraftContext.Provider value={scope}>{children}</ReportDraftContext.Provider>;
}

/** The scope's draft saver, for the uploader; null outside a report form's scope. */
export function useSaveDraft(): SaveDraft | null {
  return useContext(ReportDraftContext)?.saveDraft ?? null;
}

/** For the report form: offers `save` to the scope's uploader while mounted. */
export function useRegisterDraftSaver(): Scope["register"] {
  return useContext(ReportDraftContext)?.register ?? noop;
}

const noop = () => {};
