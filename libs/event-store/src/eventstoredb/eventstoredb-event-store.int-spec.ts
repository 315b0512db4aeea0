import { describeEventStoreContract } from '../contract/event-store.contract';
import { EventStoreDbEventStore } from './eventstoredb-event-store';

const url = process.env.EVENTSTORE_URL;

if (url) {
  describeEventStoreContract('EventStoreDB', async () => new EventStoreDbEventStore(url));
} else {
  describe('EventStoreDB adapter', () => {
    it.todo('set EVENTSTORE_URL to run the contract suite against EventStoreDB');
  });
}
