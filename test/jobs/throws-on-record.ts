// A job whose map throws on one record, for the failure tests.
import { defineJob, type MapContext } from '@tsmr/sdk';

export default defineJob({
  name: 'throws-on-record',
  map(line, ctx: MapContext<string, number>) {
    if (line.includes('poison')) throw new Error(`cannot handle record: ${line}`);
    ctx.emit(line, 1);
  },
  reduce(key, values, ctx) {
    ctx.emit(key, values.length);
  },
});
