/** 新建运单 on both surfaces: the chosen carrier's live price for the parcels being filled in. */
import { useEffect, useState } from 'react';
import type { Api } from '../api/client';
import { unwrap } from '../errors';
import type { Quote } from '../logistics';
import { carrierQuoteQuery } from '../shipmentForm';

/** The chosen carrier's live price, asked again 300 ms after the parcels, goods or flags change. */
export function useCarrierQuote(api: Api, input: Parameters<typeof carrierQuoteQuery>[0]): Quote | null {
  const [quote, setQuote] = useState<Quote | null>(null);
  const query = carrierQuoteQuery(input);
  const key = query ? JSON.stringify(query) : '';
  useEffect(() => {
    if (!key) {
      setQuote(null);
      return undefined;
    }
    const timer = setTimeout(() => {
      unwrap(api.client.GET('/api/v1/logistics/quotes', { params: { query: JSON.parse(key) as never } })).then(
        (rows) => setQuote(rows[0] ?? null),
        () => setQuote(null),
      );
    }, 300);
    return () => clearTimeout(timer);
  }, [api, key]);
  return quote;
}
