import { defineJob } from '@tsmr/sdk';

export default defineJob({
  name: 'broken',
  map(line, ctx) {
    ctx.emit(line, 1;
  },
});
