/**
 * The /lab/ page's island: the lab, opened on the scenario named
 * by `?scenario=<id>` (quiz "show me" links use it), else on the empty account, then a picker of
 * every scenario (the lab comes first: it is what the page is for). Every scenario's
 * setup is prepared at build time (src/pages/lab.astro), so switching needs no download. The
 * query string is a stranger's text: it is only looked up among the known ids and shown as text.
 *
 * The server renders the default scenario; the query is read after hydration, so the first
 * client render matches the server's HTML, and the lab then restarts on the chosen scenario.
 */
import { useEffect, useState } from 'react';
import type { SimCall } from '../../sim/index.ts';
import '../../styles/lab.css';
import { LabView } from './LabView.tsx';
import { useLabActor } from './useLabActor.ts';

export interface PageScenario {
  id: string;
  title: string;
  description: string;
  /** The setup as simulator calls, or why the script could not be turned into calls. */
  setup: { ok: true; calls: SimCall[] } | { ok: false; error: string };
}

export interface LabPageProps {
  scenarios: PageScenario[];
  /** Opened when the address names no scenario. */
  defaultId: string;
}

export const SCENARIO_PARAM = 'scenario';
/** Longest requested id echoed back in the message (ids are short file names). */
const SHOWN_ID_LENGTH = 60;

/** Which scenario the address asks for: null when it names none. */
export function requestedScenario(search: string): string | null {
  const value = new URLSearchParams(search).get(SCENARIO_PARAM);
  return value === null || value.trim() === '' ? null : value.trim();
}

function PageLab({ scenario }: { scenario: PageScenario }) {
  const scenarioProblem = scenario.setup.ok ? undefined : `The scenario "${scenario.title}" could not be set up. ${scenario.setup.error}`;
  const actor = useLabActor({ scenarioId: scenario.id, scenarioCalls: scenario.setup.ok ? scenario.setup.calls : [], scenarioProblem });
  return <LabView actor={actor} title={scenario.title} scenarioProblem={scenarioProblem} />;
}

export default function LabPage({ scenarios, defaultId }: LabPageProps) {
  const fallback = scenarios.find((s) => s.id === defaultId) ?? scenarios[0];
  const [requested, setRequested] = useState<string | null>(null);
  useEffect(() => {
    setRequested(requestedScenario(window.location.search));
  }, []);
  if (fallback === undefined) return null;
  const found = requested === null ? fallback : scenarios.find((s) => s.id === requested);
  const current = found ?? fallback;
  const unknown = requested !== null && found === undefined ? requested : null;
  return (
    <div className="lab-page">
      {unknown !== null && (
        <p className="lab-error" role="alert">
          There is no scenario named “{unknown.length > SHOWN_ID_LENGTH ? `${unknown.slice(0, SHOWN_ID_LENGTH)}…` : unknown}”, so the lab opened on “{fallback.title}” instead. Choose one of the scenarios below the lab.
        </p>
      )}
      {/* A new scenario is a new account: a fresh actor, not a change to the current one. */}
      <PageLab key={current.id} scenario={current} />
      <nav className="lab-scenarios" aria-labelledby="lab-scenarios-title">
        <h2 id="lab-scenarios-title">Start from a scenario</h2>
        <p>Each opens the lab above on a fresh copy of that account.</p>
        <ul>
          {scenarios.map((s) => (
            <li key={s.id} className={s.id === current.id ? 'is-current' : undefined}>
              <a href={`?${SCENARIO_PARAM}=${encodeURIComponent(s.id)}`} aria-current={s.id === current.id ? 'page' : undefined}>
                {s.title}
              </a>
              {s.id === current.id && <span className="lab-scenarios__open"> (open above)</span>}
              <p>{s.description}</p>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}
