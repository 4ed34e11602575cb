/** Numbers shown in the help block on every page. Source: shared/FACTS.md, "Emergency and national lines". */
export const emergencyNumbers = {
  emergency: '999',
  /** Pressed after calling 999 from a mobile when you cannot speak (the Silent Solution). */
  silentSolutionCode: '55',
  /** National Domestic Abuse Helpline, run by Refuge: free, 24 hours. */
  nationalHelpline: '0808 2000 247',
} as const;
