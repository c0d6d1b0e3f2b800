/** A part loaded on demand reports a failed download and loads again on Try again, without unmounting its widget. */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, expect, test, vi } from 'vitest';
import { OnDemand, onDemand } from '../../src/widgets/shared/OnDemand.tsx';

afterEach(cleanup);

function Part({ name }: { name: string }) {
  return <p>Loaded {name}</p>;
}

test('while the code downloads a status says so, then the part renders', async () => {
  const part = onDemand(() => Promise.resolve({ default: Part }));
  render(
    <OnDemand part={part} what="the form">
      <part.Component name="form" />
    </OnDemand>,
  );
  expect(screen.getByRole('status').textContent).toBe('Loading the form…');
  expect(await screen.findByText('Loaded form')).toBeTruthy();
});

test('a failed download says what to do, keeps the rest of the widget, and Try again loads it anew', async () => {
  vi.spyOn(console, 'error').mockImplementation(() => undefined); // React reports the caught error.
  let online = false;
  const part = onDemand<{ name: string }>(() =>
    online ? Promise.resolve({ default: Part }) : Promise.reject(new Error('Failed to fetch dynamically imported module')),
  );
  render(
    <section>
      <h3>Volume web-data</h3>
      <OnDemand part={part} what="the form">
        <part.Component name="form" />
      </OnDemand>
    </section>,
  );
  const alert = await screen.findByRole('alert');
  expect(alert.textContent).toContain('Could not load the form: check the connection, then try again.');
  expect(screen.getByRole('heading', { name: 'Volume web-data' })).toBeTruthy();
  online = true;
  fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
  expect(await screen.findByText('Loaded form')).toBeTruthy();
  expect(screen.queryByRole('alert')).toBeNull();
  vi.restoreAllMocks();
});
