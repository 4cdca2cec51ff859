import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { problemText } from './parts.tsx';

/**
 * A confirmed action on one row of a work queue (approve a held charge, stop dunning): ask first,
 * run it, say what happened or what went wrong, and reload the queue. `busy` names the row at work.
 */
export function useQueueAction(queryKey: string) {
  const queries = useQueryClient();
  const [notice, setNotice] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const run = async (row: string, question: string, work: () => Promise<unknown>, done: string) => {
    if (!window.confirm(question)) return;
    setBusy(row);
    try {
      await work();
      setProblem(null);
      await queries.invalidateQueries({ queryKey: [queryKey] });
      setNotice(done);
    } catch (err) {
      setNotice(null);
      setProblem(problemText(err));
    } finally {
      setBusy(null);
    }
  };
  return { notice, problem, busy, run };
}
