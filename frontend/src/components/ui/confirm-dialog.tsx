"use client";

import * as AlertDialog from "@radix-ui/react-alert-dialog";
import { useTranslations } from "next-intl";
import { useCallback, useRef, useState, type ReactNode, type RefObject } from "react";

import { adoptPageNonce } from "@/lib/style-nonce";

import { buttonClass } from "./button";

type Question = {
  title: string;
  description: string;
  /** The destructive action, e.g. "Delete comment". */
  confirmLabel: string;
};

/**
 * Asks before a destructive action, in Radix's AlertDialog: a modal `alertdialog` with its title
 * and description announced, focus moved to Cancel and kept inside, Escape and Cancel answer
 * no, and focus returns to the control that asked (there is no Radix Trigger to return to:
 * the question comes from a handler). `confirm()` resolves to the answer, so a handler reads
 * like the `window.confirm` it replaces: `if (await confirm({...})) remove()`.
 */
export function useConfirm() {
  const [asked, setAsked] = useState<{
    question: Question;
    resolve: (yes: boolean) => void;
  } | null>(null);

  const returnFocus = useRef<HTMLElement | null>(null);

  const confirm = useCallback((question: Question) => {
    adoptPageNonce();
    returnFocus.current =
      document.activeElement instanceof HTMLElement ? document.activeElement : null;
    return new Promise<boolean>((resolve) => setAsked({ question, resolve }));
  }, []);

  const answer = (yes: boolean) => {
    asked?.resolve(yes);
    setAsked(null);
  };

  const dialog = (
    <ConfirmDialog question={asked?.question ?? null} onAnswer={answer} returnFocus={returnFocus} />
  );
  return { confirm, dialog };
}

function ConfirmDialog({
  question,
  onAnswer,
  returnFocus,
}: {
  question: Question | null;
  onAnswer: (yes: boolean) => void;
  returnFocus: RefObject<HTMLElement | null>;
}) {
  const t = useTranslations("common");
  return (
    <AlertDialog.Root open={question !== null} onOpenChange={(open) => open || onAnswer(false)}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-40 bg-zinc-950/50" />
        <AlertDialog.Content
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            returnFocus.current?.focus();
          }}
          className="fixed top-1/2 left-1/2 z-50 w-[calc(100%-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 space-y-4 rounded-lg bg-white p-6 shadow-xl dark:bg-zinc-900"
        >
          {question ? <Body question={question} onAnswer={onAnswer} cancel={t("cancel")} /> : null}
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}

function Body({
  question,
  onAnswer,
  cancel,
}: {
  question: Question;
  onAnswer: (yes: boolean) => void;
  cancel: ReactNode;
}) {
  return (
    <>
      <AlertDialog.Title className="text-lg font-semibold">{question.title}</AlertDialog.Title>
      <AlertDialog.Description className="text-sm text-zinc-600 dark:text-zinc-400">
        {question.description}
      </AlertDialog.Description>
      <div className="flex justify-end gap-2">
        <AlertDialog.Cancel className={buttonClass("secondary")}>{cancel}</AlertDialog.Cancel>
        <AlertDialog.Action className={buttonClass("danger")} onClick={() => onAnswer(true)}>
          {question.confirmLabel}
        </AlertDialog.Action>
      </div>
    </>
  );
}
