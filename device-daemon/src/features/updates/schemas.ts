// Request bodies of the updates endpoints, shared with the UI.
import * as v from 'valibot';

export const DeferInput = v.strictObject({
  days: v.pipe(v.number('days must be a number'), v.integer('days must be whole days'), v.minValue(1, 'days must be at least 1'), v.maxValue(60, 'days must be at most 60')),
});

/** install-now and check take no options: an empty object, so a stray body is refused. */
export const NoInput = v.strictObject({});
