import { SKETCH_PROBABILITIES } from '../evaluation/feature-stats';
import { SKETCH_LEVELS_SQL } from './sketch-levels';

describe('SKETCH_LEVELS_SQL', () => {
  it('lists exactly SKETCH_PROBABILITIES, each parsing to the same double', () => {
    const levels = SKETCH_LEVELS_SQL.split(',').map((level) => Number(level.trim()));
    expect(levels).toEqual(SKETCH_PROBABILITIES);
  });
});
