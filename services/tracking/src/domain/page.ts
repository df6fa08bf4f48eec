/** One page of a search: the items and the token of the next page, absent on the last one. */
export interface Page<T> {
  items: T[];
  nextPageToken?: string;
}
