/** The tel: address of a number as people write it ("0808 2000 247" → "tel:08082000247"). */
export const telHref = (number: string) => `tel:${number.replace(/[^\d+]/g, '')}`;
