import { InProcessEventBus, silentLogger } from '../src/index';
import { describeEventBusContract } from './event-bus-contract';

describeEventBusContract('InProcessEventBus', () => new InProcessEventBus({ logger: silentLogger }));
