// Not a job: it has no map.
export default { name: 'no-map', reduce() {} };
